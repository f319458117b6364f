/** @jest-environment jsdom */
import { act, renderHook } from '@testing-library/react';
import { PICK_INTERVAL_MS, shouldPace, SMALL_DRAW_PICKS, usePacedCount } from '../../client/src/draw/reveal-pace';

/** Small draws watched live are shown one pick at a time; large or replayed draws at once. */
describe('reveal pace', () => {
  test('paces only a small draw whose reveal came after the page started watching', () => {
    expect(shouldPace(5, 6, 4)).toBe(true);
    expect(shouldPace(5, 6, 6)).toBe(false); // replayed: the reveal was already in the log
    expect(shouldPace(SMALL_DRAW_PICKS + 1, 6, 4)).toBe(false);
    expect(shouldPace(5, null, 4)).toBe(false);
    expect(shouldPace(5, 6, null)).toBe(false);
  });

  test('shows one more pick per interval when pacing, all at once otherwise', () => {
    jest.useFakeTimers();
    const { result, rerender } = renderHook(({ received, paced }) => usePacedCount(received, paced), { initialProps: { received: 0, paced: true } });
    rerender({ received: 3, paced: true });
    expect(result.current).toBe(0);
    act(() => void jest.advanceTimersByTime(PICK_INTERVAL_MS));
    expect(result.current).toBe(1);
    act(() => void jest.advanceTimersByTime(PICK_INTERVAL_MS));
    expect(result.current).toBe(2);
    act(() => void jest.advanceTimersByTime(PICK_INTERVAL_MS));
    act(() => void jest.advanceTimersByTime(PICK_INTERVAL_MS));
    expect(result.current).toBe(3);
    rerender({ received: 400, paced: false });
    expect(result.current).toBe(400);
    jest.useRealTimers();
  });
});
