import { ReactNode, useState } from 'react';
import { useSession } from '../../../api/hub-context';
import { useLang } from '../../../i18n';
import { downloadWithToken, FileProblem, FileRequestError } from './files';
import { ProblemNotice } from './Notices';

/** A download that needs the login (error reports, exports): fetched with the token, saved from a blob. */
export function DownloadButton({ url, fallbackName, children, testId }: { url: string; fallbackName: string; children: ReactNode; testId?: string }) {
  const session = useSession();
  const { lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await downloadWithToken(url, session?.token, lang, fallbackName);
    } catch (error) {
      setProblem(error instanceof FileRequestError ? error.problem : { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="console-download">
      <button type="button" onClick={download} disabled={busy} data-testid={testId}>
        {children}
      </button>
      <ProblemNotice problem={problem} />
    </span>
  );
}
