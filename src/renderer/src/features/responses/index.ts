// Showing a response: status, timings, the Pretty / Raw / Headers views of its body.
export { ResponseViewer } from './ResponseViewer'
export { markResponseReady } from './useBodyDocument'
