import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import type { ConsolePlanVersionFieldsFragment, FilingRecipient } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { filingRecipientLabels } from '../shared/labels';
import { SuccessNotice } from '../shared/Notices';
import { todayInChina } from './plan-form';

const messages = defineMessages(
  {
    heading: '备案情况（第十二条：报同级司法行政、市场监管部门和上级农业农村部门）', recipient: '备案机关', state: '状态', filedOn: '报送日期', by: '登记人',
    document: '文号', filed: '已备案', filedLate: '已备案（逾期）', notFiled: '未备案', overdue: '已逾期', record: '登记备案', cancel: '取消',
    recipientName: '接收机关名称（不在平台上时填写；留空由平台按同级部门确定）', submit: '确认备案', done: '已登记向{recipient}备案。',
    onlyAdopted: '草稿印发后才能备案。',
  },
  {
    heading: 'Filing (Art. 12: with the justice and market-supervision departments at the same level and the upper agriculture department)',
    recipient: 'Recipient', state: 'State', filedOn: 'Submitted on', by: 'Recorded by', document: 'Document no.', filed: 'Filed', filedLate: 'Filed late',
    notFiled: 'Not filed', overdue: 'Overdue', record: 'Record the filing', cancel: 'Cancel',
    recipientName: 'Recipient name (when not on the hub; empty: the hub picks the department at the same level)', submit: 'Record', done: 'Filing with {recipient} recorded.',
    onlyAdopted: 'A draft can be filed once it is adopted.',
  },
);

const FilePlan = graphql(`
  mutation ConsoleFilePlanVersion($id: ID!, $input: PlanFilingInput!) {
    filePlanVersion(id: $id, input: $input) {
      ...ConsolePlanVersionFields
    }
  }
`);

/** One row per recipient, filed or not; an adopted version's open filings can be recorded here. */
export function FilingsTable({ version, canEdit }: { version: ConsolePlanVersionFieldsFragment; canEdit: boolean }) {
  const t = useT(messages);
  const recipientLabel = useT(filingRecipientLabels);
  const [open, setOpen] = useState<FilingRecipient | null>(null);
  const [form, setForm] = useState({ filedOn: todayInChina(), documentNumber: '', recipientName: '' });
  const [filed, file] = useMutation(FilePlan);
  const [notice, setNotice] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!open) return;
    setNotice('');
    const outcome = await file({
      id: version.id,
      input: { recipient: open, filedOn: form.filedOn || null, documentNumber: form.documentNumber.trim() || null, recipientName: form.recipientName.trim() || null },
    });
    if (outcome.data) {
      setNotice(t('done', { recipient: recipientLabel(open) }));
      setOpen(null);
      setForm({ filedOn: todayInChina(), documentNumber: '', recipientName: '' });
    }
  };
  return (
    <section aria-label={t('heading')}>
      <h4>{t('heading')}</h4>
      <SuccessNotice>{notice}</SuccessNotice>
      <table data-testid="filings">
        <thead>
          <tr>
            <th>{t('recipient')}</th>
            <th>{t('state')}</th>
            <th>{t('filedOn')}</th>
            <th>{t('document')}</th>
            <th>{t('by')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {version.filings.map((f) => (
            <tr key={f.recipient}>
              <td>
                {recipientLabel(f.recipient)}
                {(f.recipientDepartment?.name ?? f.recipientName) && <div className="muted">{f.recipientDepartment?.name ?? f.recipientName}</div>}
              </td>
              <td>
                {f.filed ? (
                  <span className={f.late ? 'badge warn' : 'badge ok'}>{f.late ? t('filedLate') : t('filed')}</span>
                ) : (
                  <span className={f.overdue ? 'badge error' : 'badge'}>{f.overdue ? t('overdue') : t('notFiled')}</span>
                )}
              </td>
              <td>{f.filedOn ?? '—'}</td>
              <td>{f.documentNumber ?? '—'}</td>
              <td>{f.filedBy ?? '—'}</td>
              <td>
                {!f.filed && canEdit && version.status !== 'DRAFT' && (
                  <button type="button" onClick={() => setOpen(open === f.recipient ? null : f.recipient)}>
                    {open === f.recipient ? t('cancel') : t('record')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {version.status === 'DRAFT' && <p className="muted">{t('onlyAdopted')}</p>}
      {open && (
        <form className="card console-form" onSubmit={submit}>
          <strong>{recipientLabel(open)}</strong>
          <div className="row">
            <label>
              {t('filedOn')}
              <input type="date" name="filedOn" value={form.filedOn} onChange={(e) => setForm({ ...form, filedOn: e.target.value })} />
            </label>
            <label>
              {t('document')}
              <input name="filingDocumentNumber" value={form.documentNumber} onChange={(e) => setForm({ ...form, documentNumber: e.target.value })} />
            </label>
          </div>
          <label>
            {t('recipientName')}
            <input name="recipientName" value={form.recipientName} onChange={(e) => setForm({ ...form, recipientName: e.target.value })} />
          </label>
          <ErrorNotice error={filed.error} />
          <button type="submit" className="primary" disabled={filed.fetching}>
            {t('submit')}
          </button>
        </form>
      )}
    </section>
  );
}
