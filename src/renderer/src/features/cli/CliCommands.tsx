// Registers the command line's palette command. Mounted once by the shell.
import { useMemo } from 'react'
import { useCommands, type Command } from '../../shell/commands'
import { INSTALL_TITLE, installCommandLineTool } from './installTool'

export function CliCommands() {
  const commands = useMemo<Command[]>(
    () => [{ id: 'cli.install', title: INSTALL_TITLE, section: 'Command line', run: () => void installCommandLineTool() }],
    []
  )
  useCommands(commands)
  return null
}
