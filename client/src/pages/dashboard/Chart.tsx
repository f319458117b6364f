import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from './chart-options';

type Instance = ReturnType<typeof import('./echarts-setup').init>;

interface ChartProps {
  option: ChartOption;
  /** Read out by screen readers in place of the canvas. */
  label: string;
  loadingText: string;
  height?: number;
  /** Clicks on a bar or slice, by its data index. */
  onSelect?: (dataIndex: number) => void;
}

/** One ECharts chart; the library is loaded on first use and the chart follows its container's width. */
export function Chart({ option, label, loadingText, height = 240, onSelect }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<Instance | null>(null);

  useEffect(() => {
    let instance: Instance | null = null;
    let cancelled = false;
    const resize = new ResizeObserver(() => instance?.resize());
    void import('./echarts-setup').then(({ init }) => {
      if (cancelled || !container.current) return;
      instance = init(container.current);
      resize.observe(container.current);
      setChart(instance);
    });
    return () => {
      cancelled = true;
      resize.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onSelect) return;
    const handler = (params: { dataIndex?: number }) => {
      if (typeof params.dataIndex === 'number') onSelect(params.dataIndex);
    };
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [chart, onSelect]);

  return (
    <div className="dash-chart" role="img" aria-label={label} style={{ height }} data-testid="dash-chart">
      <div ref={container} className="dash-chart-canvas" />
      {!chart && <p className="muted dash-chart-loading">{loadingText}</p>}
    </div>
  );
}
