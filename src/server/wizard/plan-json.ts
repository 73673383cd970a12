/** A wizard plan as the API shows it: the groups paged, the report's lists cut to their first entries with full counts. */
import type { ContactGroup } from '../../domain/group-contacts.js';
import type { WizardPlan } from '../../tracking/index.js';

const REPORT_LIST = 100;
export const FIRST_GROUPS = 200;

export const groupJson = ({ key, label, count, tracked, matched, alreadyInCrm, colour }: ContactGroup) => ({ key, label, count, tracked, matched, alreadyInCrm, colour });

export function planJson(planId: string, plan: WizardPlan) {
  const { report } = plan;
  return {
    planId,
    mailboxId: plan.mailbox.id,
    folder: plan.folder,
    folders: plan.folders,
    excludedSubfolders: plan.excludedSubfolders,
    groupBy: plan.groupBy,
    merges: plan.merges,
    contactCount: plan.contacts.length,
    groupCount: plan.groups.length,
    variants: plan.variants.map((v) => ({ canonical: v.canonical, names: v.names.map(({ name, count }) => ({ name, count })), reason: v.reason })),
    report: {
      counts: {
        missingName: report.missingName.length,
        missingEmail: report.missingEmail.length,
        missingCompany: report.missingCompany.length,
        unreadable: report.unreadable.length,
        warnings: report.warnings.length,
        nearAccounts: report.nearAccounts.length,
      },
      missingName: report.missingName.slice(0, REPORT_LIST),
      missingEmail: report.missingEmail.slice(0, REPORT_LIST),
      missingCompany: report.missingCompany.slice(0, REPORT_LIST),
      unreadable: report.unreadable.slice(0, REPORT_LIST),
      notices: report.notices,
      warnings: report.warnings.slice(0, REPORT_LIST),
      nearAccounts: report.nearAccounts.slice(0, REPORT_LIST),
    },
    groups: { total: plan.groups.length, offset: 0, items: plan.groups.slice(0, FIRST_GROUPS).map(groupJson) },
  };
}
