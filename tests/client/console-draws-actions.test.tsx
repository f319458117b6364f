/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { Client, CombinedError, Provider } from 'urql';
import { fromValue } from 'wonka';
import { LangProvider } from '../../client/src/i18n';
import { DrawActions } from '../../client/src/pages/console/draws/DrawActions';

/** A urql client whose every mutation answers `answer` (the component's own behaviour is under test). */
function clientAnswering(answer: { data?: unknown; error?: CombinedError }) {
  const executeMutation = jest.fn((operation: unknown) => fromValue({ operation, ...answer, stale: false, hasNext: false }));
  return { client: { executeMutation } as unknown as Client, executeMutation };
}

function renderActions(client: Client, draw: { status: string; entropyClosesAt: string; beaconSource?: string }) {
  return render(
    <LangProvider lang="zh">
      <Provider value={client}>
        <DrawActions draw={{ id: '7', beaconSource: '', ...draw }} />
      </Provider>
    </LangProvider>,
  );
}

describe('DrawActions', () => {
  it('keeps the reveal disabled with a countdown while the entropy window is open', () => {
    const { client } = clientAnswering({});
    renderActions(client, { status: 'OPEN', entropyClosesAt: new Date(Date.now() + 90_000).toISOString() });
    expect((screen.getByText('开始摇号') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/见证随机数 1:(29|30) 后截止/)).toBeTruthy();
  });

  it('asks once more before locking, then shows the error code and keeps the void reason typed', async () => {
    const error = new CombinedError({ graphQLErrors: [{ message: '摇号尚未完成', extensions: { code: 'DRAW_NOT_COMPLETE' } }] });
    const { client, executeMutation } = clientAnswering({ error });
    renderActions(client, { status: 'COMPLETED', entropyClosesAt: new Date(Date.now() - 1000).toISOString() });
    fireEvent.change(screen.getByLabelText(/作废理由/), { target: { value: '见证人未到场' } });
    fireEvent.click(screen.getByText('锁定结果'));
    expect(executeMutation).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByText('确认'));
    });
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('DRAW_NOT_COMPLETE');
    expect((screen.getByLabelText(/作废理由/) as HTMLInputElement).value).toBe('见证人未到场');
  });
});
