/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { VirtualList } from '../../client/src/draw/VirtualList';

/** The windowed list keeps the DOM small whatever the number of rows, and shows the rows scrolled to. */
describe('VirtualList', () => {
  const row = (i: number) => <span data-testid="row">row {i}</span>;

  test('renders only the rows in view (plus a few) out of 50,000, with the full scroll height', () => {
    render(<VirtualList count={50_000} rowHeight={30} height={300} row={row} label="picks" />);
    const rows = screen.getAllByTestId('row');
    expect(rows.length).toBeLessThan(30);
    expect(rows[0].textContent).toBe('row 0');
    const list = screen.getByRole('list');
    expect((list.firstChild as HTMLElement).style.height).toBe(`${50_000 * 30}px`);
  });

  test('scrolling shows the rows at that position', () => {
    render(<VirtualList count={50_000} rowHeight={30} height={300} row={row} />);
    const list = screen.getByRole('list');
    act(() => {
      list.scrollTop = 30 * 40_000;
      fireEvent.scroll(list);
    });
    const shown = screen.getAllByTestId('row').map((r) => r.textContent);
    expect(shown).toContain('row 40000');
    expect(shown).toContain('row 40009');
    expect(shown).not.toContain('row 0');
    expect(shown.length).toBeLessThan(30);
  });
});
