// What the app itself says: its notices (secret storage, files set aside) and the status bar.
import './app.css'
export { Notices, vaultInPlainWords } from './Notices'
export { StatusBar } from './StatusBar'
