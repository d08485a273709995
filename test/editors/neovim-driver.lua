-- Drives Neovim as a user would, after init.lua (the docs/editors.md set-up) has attached stslint to the
-- manifest given on the command line: wait for the diagnostics, fix the buffer, :write, wait for them
-- to clear; then break and fix the file again to time more saves, and edits without saving to time
-- typing (the client's and the server's debounces). Writes what it saw, as JSON, to
-- $STSLINT_NVIM_OUT and quits. Runs on Neovim 0.7 and later (vim.diagnostic, vim.loop, vim.wait).
local bufnr = vim.api.nvim_get_current_buf()
local timeout = tonumber(vim.env.STSLINT_NVIM_TIMEOUT_MS or '20000')
local cycles = tonumber(vim.env.STSLINT_NVIM_CYCLES or '5')
local out = { filetype = vim.bo.filetype, saves = {}, typing = {} }

local function diagnostics()
  local seen = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(seen, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
      code = d.code, source = d.source, message = d.message,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  return seen
end

--- Replaces the clusterIP line of the buffer.
local function set_cluster_ip(value)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:match('^  clusterIP:') then
      vim.api.nvim_buf_set_lines(bufnr, i - 1, i, false, { '  clusterIP: ' .. value })
      return
    end
  end
end

--- Runs `act` and waits until `done(diagnostics)` holds: the milliseconds it took, or nil.
local function time_until(act, done)
  local started = vim.loop.hrtime()
  act()
  if vim.wait(timeout, function() return done(diagnostics()) end, 1) then
    return (vim.loop.hrtime() - started) / 1e6
  end
  return nil
end

local function write() vim.cmd('silent write') end
local function save_until(done) return time_until(write, done) end

out.opened = vim.wait(timeout, function() return #diagnostics() > 0 end, 5)
out.on_open = diagnostics()
if out.opened then
  set_cluster_ip('None')
  out.fixed_ms = save_until(function(seen) return #seen == 0 end) or vim.NIL
  out.after_fix = diagnostics()
  for _ = 1, cycles do
    set_cluster_ip('10.96.40.12')
    table.insert(out.saves, { to = 'finding', ms = save_until(function(seen) return #seen == 1 end) or vim.NIL })
    set_cluster_ip('None')
    table.insert(out.saves, { to = 'clean', ms = save_until(function(seen) return #seen == 0 end) or vim.NIL })
  end
  for _ = 1, cycles do
    table.insert(out.typing, { to = 'finding', ms = time_until(function() set_cluster_ip('10.96.40.12') end, function(seen) return #seen == 1 end) or vim.NIL })
    table.insert(out.typing, { to = 'clean', ms = time_until(function() set_cluster_ip('None') end, function(seen) return #seen == 0 end) or vim.NIL })
  end
  write()
end
vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.STSLINT_NVIM_OUT)
vim.cmd('qall!')
