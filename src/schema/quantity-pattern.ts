/**
 * The syntax of a resource quantity (`500m`, `1Gi`, `0.5`, `1e3`) as a regular expression: the
 * pattern that controller-gen writes into CRD schemas for `resource.Quantity`, equivalent to what
 * `resource.ParseQuantity` in k8s.io/apimachinery accepts. Spaces, unknown suffixes (`1GB`, `1gi`)
 * and empty strings do not match. The generated schema puts it on every Quantity field.
 */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
