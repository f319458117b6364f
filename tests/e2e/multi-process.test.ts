import { createRootOrg } from '../helpers/factories';
import { HEADER_ROW, targetRows } from '../helpers/target-rows';
import { sheetBytes } from '../helpers/imports';
import { describeMultiProcess, startTwoHubs, subscribeCollect, TestServer } from '../helpers/test-server';

/**
 * Two hubs behind one MariaDB and one Redis, as the hub scales out: a session opened on one is
 * valid on the other, and what happens on one is streamed to subscribers on the other.
 * SQLite is a single-process database, so this runs only against MariaDB.
 */

describeMultiProcess('two hub processes sharing MariaDB and Redis', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => { [a, b] = await startTwoHubs(); });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  test('a token issued by one hub is accepted by the other', async () => {
    const { admin, token } = await createRootOrg(a);
    const me = await b.gql('{ me { username } }', {}, { token });
    expect(me.data.me.username).toBe(admin.username);
  });

  test('an import running on one hub streams its progress to a subscriber on the other', async () => {
    const { token } = await createRootOrg(a);
    const started = (await a.gql(`mutation { startImport(kind: TARGETS, fileName: "t.csv") { id uploadUrl } }`, {}, { token })).data.startImport;
    const watching = subscribeCollect(b.ws(token), `subscription($id: ID!) { importProgress(jobId: $id) { status phase rowsRead } }`, { id: started.id },
      (events) => events.some((e) => e.importProgress.phase === 'DONE'), 30000);
    await watching.first;
    const body = await sheetBytes('csv', [HEADER_ROW, ...targetRows(2000, '140603')]);
    const res = await fetch(a.baseUrl + started.uploadUrl, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body });
    expect(res.status).toBe(200);
    const { events } = await watching;
    expect(events[0].importProgress.status).toBe('WAITING_FOR_FILE');
    expect(events.at(-1).importProgress).toEqual({ status: 'SUCCEEDED', phase: 'DONE', rowsRead: 2000 });
    const onB = await b.gql(`query($id: ID!) { importJob(id: $id) { status createdCount } }`, { id: started.id }, { token });
    expect(onB.data.importJob).toEqual({ status: 'SUCCEEDED', createdCount: 2000 });
  });
});
