/** A failure message announced to screen readers; renders nothing when there is none. */
export function ErrorText({ error }: { error: string | null | undefined }) {
  if (!error) return null
  return (
    <p role="alert" className="error">
      {error}
    </p>
  )
}
