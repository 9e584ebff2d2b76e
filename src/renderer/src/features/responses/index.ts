// Showing a response: status, timings, the Pretty / Raw / Headers views of its body.
import './responses.css'
export { ResponseViewer } from './ResponseViewer'
export { markResponseReady } from './useBodyDocument'
