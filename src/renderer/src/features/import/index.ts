// Importing requests: a curl command into the composer, a Postman collection into the library.
export { CurlImportDialog } from './CurlImportDialog'
export { PostmanDialog } from './PostmanDialog'
