import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../../gql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { useCategories } from '../shared/CategoryPicker';
import { SuccessNotice } from '../shared/Notices';

const messages = defineMessages(
  {
    heading: '事项类别', code: '类别代码', nameZh: '中文名称', nameEn: '英文名称', builtIn: '来源', builtInYes: '内置', builtInNo: '本部门新增',
    add: '新增事项类别', codeHint: '大写字母和下划线，如 FARM_MACHINERY', save: '新增', created: '已新增事项类别“{name}”。',
  },
  {
    heading: 'Item categories', code: 'Code', nameZh: 'Chinese name', nameEn: 'English name', builtIn: 'Source', builtInYes: 'Built in', builtInNo: 'Added here',
    add: 'New category', codeHint: 'Capitals and underscores, e.g. FARM_MACHINERY', save: 'Add', created: 'Category “{name}” added.',
  },
);

const CreateCategory = graphql(`
  mutation ConsoleCreateCategory($input: ItemCategoryInput!) {
    createItemCategory(input: $input) {
      code
      nameZh
      nameEn
      builtIn
    }
  }
`);

/** 事项类别: the built-in six and the department's own. */
export function CategoriesPanel() {
  const t = useT(messages);
  const { categories, error, refetch } = useCategories();
  const [form, setForm] = useState({ code: '', nameZh: '', nameEn: '' });
  const [created, create] = useMutation(CreateCategory);
  const [notice, setNotice] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const outcome = await create({ input: { code: form.code.trim(), nameZh: form.nameZh.trim(), nameEn: form.nameEn.trim() } });
    if (outcome.data) {
      setNotice(t('created', { name: outcome.data.createItemCategory.nameZh }));
      setForm({ code: '', nameZh: '', nameEn: '' });
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <div>
      <ErrorNotice error={error} />
      <table>
        <thead>
          <tr>
            <th>{t('code')}</th>
            <th>{t('nameZh')}</th>
            <th>{t('nameEn')}</th>
            <th>{t('builtIn')}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.code}>
              <td className="mono">{c.code}</td>
              <td>{c.nameZh}</td>
              <td>{c.nameEn}</td>
              <td>{c.builtIn ? t('builtInYes') : t('builtInNo')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card console-form" onSubmit={submit}>
        <h3>{t('add')}</h3>
        <div className="row">
          <label>
            {t('code')}
            <input value={form.code} required placeholder={t('codeHint')} onChange={(e) => setForm({ ...form, code: e.target.value.toUpperCase() })} />
          </label>
          <label>
            {t('nameZh')}
            <input value={form.nameZh} required onChange={(e) => setForm({ ...form, nameZh: e.target.value })} />
          </label>
          <label>
            {t('nameEn')}
            <input value={form.nameEn} required onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
          </label>
          <button type="submit" className="primary" disabled={created.fetching}>
            {t('save')}
          </button>
        </div>
        <ErrorNotice error={created.error} />
        <SuccessNotice>{notice}</SuccessNotice>
      </form>
    </div>
  );
}
