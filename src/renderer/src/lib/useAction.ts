// The busy flag and error message of a dialog's action: while `run` works the form is busy, and a
// failure becomes a message the dialog shows (with ErrorText) instead of an unhandled rejection.
import { useCallback, useState } from 'react'
import { errorMessage } from '../api/client'

export function useAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** Runs `work`; resolves true when it succeeded, false when it failed (and `error` says why). */
  const run = useCallback(async (work: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await work()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, setError, run }
}
