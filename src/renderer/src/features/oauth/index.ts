// Adding a workspace by signing in with OAuth.
export { OAuthSignIn } from './OAuthSignIn'
