import { ReactNode, UIEvent, useLayoutEffect, useRef, useState } from 'react';

/**
 * A list of fixed-height rows that renders only the rows in view (plus a few either side), so a list
 * of 50,000 picks costs the same per frame as a list of 20. With `follow`, it stays scrolled to the
 * newest row while the reader has not scrolled up to look at earlier ones.
 */
const OVERSCAN = 6;

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  height: number;
  row(index: number): ReactNode;
  follow?: boolean;
  className?: string;
  label?: string;
  testId?: string;
}

export function VirtualList({ count, rowHeight, height, row, follow = false, className, label, testId }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const atEnd = useRef(true);

  useLayoutEffect(() => {
    const el = box.current;
    if (!follow || !el || !atEnd.current) return;
    el.scrollTop = el.scrollHeight;
    setScrollTop(el.scrollTop);
  }, [count, follow]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget;
    setScrollTop(el.scrollTop);
    atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight;
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} role="listitem" style={{ height: rowHeight }}>
        {row(i)}
      </div>,
    );
  }
  return (
    <div ref={box} className={`vlist ${className ?? ''}`} style={{ height, overflowY: 'auto' }} onScroll={onScroll} role="list" aria-label={label} data-testid={testId}>
      <div style={{ height: count * rowHeight, position: 'relative' }}>
        <div style={{ position: 'absolute', top: first * rowHeight, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
