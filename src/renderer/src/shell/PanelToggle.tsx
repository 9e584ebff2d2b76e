// The visible control for Ctrl/Cmd+B: hides or shows the workspace sidebar and the library pane.
import { layout, useLayout } from '../state/layout'
import { shortcutLabel } from './commands'

export function PanelToggle() {
  const { panelsHidden } = useLayout()
  return (
    <button
      type="button"
      className="panel-toggle"
      aria-expanded={!panelsHidden}
      title={`${panelsHidden ? 'Show' : 'Hide'} the sidebar and library (${shortcutLabel('Mod+B')})`}
      onClick={layout.togglePanels}
    >
      {panelsHidden ? 'Show panels' : 'Hide panels'}
    </button>
  )
}
