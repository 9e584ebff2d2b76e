// Importing requests: a curl command into the composer, a Postman collection into the library.
import './import.css'
export { CurlImportDialog } from './CurlImportDialog'
export { PostmanDialog } from './PostmanDialog'
