// Word lists for fake but readable seeded data.
export const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Alan',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Edsger',
  'Radia',
  'Tim',
  'Hedy',
  'John',
  'Katherine',
  'Guido',
  'Sophie',
  'Niklaus',
  'Adele',
  'Bjarne',
  'Anita',
  'Donald',
  'Joan',
  'Yukihiro'
] as const
export const LAST_NAMES = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Dijkstra',
  'Perlman',
  'Berners',
  'Lamarr',
  'McCarthy',
  'Johnson',
  'Rossum',
  'Wilson',
  'Wirth',
  'Goldberg',
  'Stroustrup',
  'Borg',
  'Knuth',
  'Clarke',
  'Matsumoto'
] as const
export const DOMAINS = ['example.com', 'example.org', 'example.net', 'acme.test', 'globex.test', 'initech.test'] as const
export const LOCATIONS = [
  { country: 'United States', region: 'California', city: 'San Francisco' },
  { country: 'United States', region: 'New York', city: 'New York' },
  { country: 'Ireland', region: 'Dublin', city: 'Dublin' },
  { country: 'Germany', region: 'Berlin', city: 'Berlin' },
  { country: 'France', region: 'Ile-de-France', city: 'Paris' },
  { country: 'Australia', region: 'New South Wales', city: 'Sydney' },
  { country: 'Japan', region: 'Tokyo', city: 'Tokyo' },
  { country: 'Brazil', region: 'Sao Paulo', city: 'Sao Paulo' }
] as const
export const BROWSERS = ['chrome', 'firefox', 'safari', 'edge'] as const
export const OPERATING_SYSTEMS = ['OS X 14.4', 'Windows 11', 'Ubuntu 24.04', 'iOS 17.4', 'Android 14'] as const
export const PLANS = ['free', 'starter', 'pro', 'enterprise'] as const
export const INDUSTRIES = ['Software', 'Retail', 'Finance', 'Healthcare', 'Education', 'Manufacturing'] as const
export const COMPANY_WORDS = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Vandelay',
  'Wonka'
] as const
export const COMPANY_SUFFIXES = ['Labs', 'Systems', 'Works', 'Industries', 'Group', 'Partners'] as const
export const TAG_NAMES = ['VIP', 'Beta tester', 'Churn risk', 'Enterprise lead', 'Newsletter', 'Feedback', 'Partner', 'Onboarding'] as const
export const EVENT_NAMES = ['signed-in', 'invited-friend', 'updated-plan', 'exported-report', 'opened-app'] as const
export const CONVERSATION_TOPICS = [
  'Cannot log in',
  'Billing question',
  'Feature request: dark mode',
  'Export is slow',
  'How do I invite my team?',
  'Refund request',
  'API rate limits',
  'Password reset email missing'
] as const
