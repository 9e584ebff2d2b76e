export { JsonFileStore, jsonStoreOptions, type ConfLike, type JsonFileStoreOptions } from './json-file-store'
