/** The transactional mail templates, as callers name them and the X-Fanz-Template header carries them; pure, so the back office can import it. */
export const MAIL_TEMPLATES = {
  verifyEmail: 'verifyEmail',
  passwordReset: 'passwordReset',
  kycReminder: 'kycReminder',
  kycDecision: 'kycDecision',
  signupActivated: 'signupActivated',
  kycEscalation: 'kycEscalation',
  subscriptionNotice: 'subscriptionNotice',
  mediaNotice: 'mediaNotice',
  newContent: 'newContent',
  coPerformerInvite: 'coPerformerInvite',
  mediaEscalation: 'mediaEscalation',
  payoutNotice: 'payoutNotice',
  payoutApproval: 'payoutApproval',
  payoutUnconfirmed: 'payoutUnconfirmed',
  privacyCode: 'privacyCode',
  privacyNotice: 'privacyNotice',
  privacyDeadline: 'privacyDeadline',
} as const
export type MailTemplate = (typeof MAIL_TEMPLATES)[keyof typeof MAIL_TEMPLATES]
