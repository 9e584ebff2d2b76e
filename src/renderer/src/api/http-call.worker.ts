// Makes the calls whose input holds megabytes (a pasted 6 MB body being stored or sent): encoding
// them as JSON and UTF-8 here keeps that work off the page's main thread. Handing the input over
// costs a copy, which is fast; JSON.stringify and the Blob are what cost a long task.
import { httpCall } from './http-call'

interface CallMessage {
  id: number
  name: string
  input: unknown
}

self.onmessage = (event: MessageEvent<CallMessage>) => {
  const { id, name, input } = event.data
  void httpCall(name, input).then((result) => self.postMessage({ id, result }))
}
