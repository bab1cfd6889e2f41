import { useState } from 'react';
import { z } from 'zod';
import { managedUserSchema } from '../../../src/contracts/admin.js';
import type { Role } from '../api/auth-api.js';
import { parserFor } from '../api/parse.js';
import { useApiQuery } from '../api/use-api-query.js';
import { AppLink } from '../components/AppLink.js';
import { LoadState } from '../components/LoadState.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../forms/SelectField.js';
import { t } from '../i18n/t.js';
import { screenPath } from '../routing/routes.js';

export const parseUsers = parserFor(z.array(managedUserSchema));
export type ManagedUser = z.output<typeof managedUserSchema>;
export const ROLES: readonly Role[] = ['prescriber', 'designee', 'pharmacist', 'patient', 'clinic_admin'];

export const userStatusText = (user: ManagedUser): string => {
  if (user.disabled) return t('admin.users.disabled');
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now()) return t('admin.users.locked', { time: new Date(user.lockedUntil).toLocaleString('en-GB', { timeStyle: 'short', dateStyle: 'medium' }) });
  if (user.temporaryPasswordUntil !== null) return t('admin.users.temporary');
  return t('admin.users.active');
};

/** The clinic's accounts by role, each linking to its page; a link to create one. */
export function UsersPage() {
  const [role, setRole] = useState<Role | ''>('');
  const query = useApiQuery(`/api/admin/users?status=all${role === '' ? '' : `&role=${role}`}`, parseUsers);
  return (
    <>
      <PageTitle>{t('admin.users.title')}</PageTitle>
      <p className="lead">{t('admin.users.intro')}</p>
      <p className="call-to-action">
        <AppLink to={screenPath('adminUserNew')} className="button">
          {t('admin.users.new')}
        </AppLink>
      </p>
      <SelectField
        id="users-role"
        label={t('admin.users.filterRole')}
        options={[{ value: '', label: t('admin.users.filterAll') }, ...ROLES.map((value) => ({ value, label: t(`admin.role.${value}`) }))]}
        value={role}
        onChange={(value) => {
          setRole(ROLES.find((candidate) => candidate === value) ?? '');
        }}
      />
      <LoadState query={query} testId="users">
        {(users) => (
          <>
            <p className="small-print" role="status">
              {t('admin.users.count', { count: users.length })}
            </p>
            <ul className="entry-list" data-testid="users-list">
              {users.map((user) => (
                <li key={user.id} className="entry-card" data-testid="user-entry">
                  <p className="entry-card__title">
                    <AppLink to={screenPath('adminUser', { userId: user.id })} label={t('admin.users.open', { name: user.displayName })}>
                      {user.displayName}
                    </AppLink>
                  </p>
                  <dl className="entry-card__facts">
                    <div>
                      <dt>{t('admin.users.email')}</dt>
                      <dd className="path-text">{user.email}</dd>
                    </div>
                    <div>
                      <dt>{t('admin.users.role')}</dt>
                      <dd>{t(`admin.role.${user.role}`)}</dd>
                    </div>
                    <div>
                      <dt>{t('admin.users.status')}</dt>
                      <dd>{userStatusText(user)}</dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadState>
    </>
  );
}
