import { useState } from 'react';
import type { CombinedError } from 'urql';

export interface Feedback {
  error?: CombinedError;
  success?: string;
}

/**
 * The answer to a panel's last action, shown by `<Outcome {...feedback} />`: the mutation's error, or
 * its success sentence. `onSuccess` runs after every successful action (to reload what it changed).
 */
export function useFeedback(onSuccess?: () => void) {
  const [feedback, setFeedback] = useState<Feedback>({});
  return {
    feedback,
    clear: () => setFeedback({}),
    /** Shows the mutation's answer; on success first runs `after` (to empty the fields it used), then `onSuccess`. */
    settle: (outcome: { error?: CombinedError }, success: string, after?: () => void) => {
      if (outcome.error) return setFeedback({ error: outcome.error });
      setFeedback({ success });
      after?.();
      onSuccess?.();
    },
  };
}
