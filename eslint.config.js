// Lint rules double as security checks: each Electron checklist item that can be seen in source is
// an error here, so removing a safeguard fails `npm test`.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import sdl from '@microsoft/eslint-plugin-sdl'

const electronAllowed = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**']

const insecureWebPreference = (name, value) => ({
  selector: `Property[key.name='${name}'][value.value=${JSON.stringify(value)}]`,
  message: `${name}: ${value} breaks Electron's security checklist.`
})

const checklistSyntax = [
  // "sandbox" is also a domain word (the embedded sandbox), so only webPreferences count here.
  {
    selector: "Property[key.name='webPreferences'] Property[key.name='sandbox'][value.value=false]",
    message: "sandbox: false breaks Electron's security checklist."
  },
  insecureWebPreference('contextIsolation', false),
  insecureWebPreference('nodeIntegration', true),
  insecureWebPreference('nodeIntegrationInWorker', true),
  insecureWebPreference('nodeIntegrationInSubFrames', true),
  insecureWebPreference('webSecurity', false),
  insecureWebPreference('allowRunningInsecureContent', true),
  insecureWebPreference('experimentalFeatures', true),
  insecureWebPreference('webviewTag', true),
  { selector: "Property[key.name='enableBlinkFeatures']", message: 'enableBlinkFeatures is not allowed.' },
  { selector: "CallExpression[callee.property.name='loadFile']", message: 'Serve the renderer from app://, never file://.' }
]

// The opener module is the only place allowed to call shell.openExternal.
const openExternalRule = {
  object: 'shell',
  property: 'openExternal',
  message: 'Open URLs only through the guarded opener (src/main/electron/opener.ts).'
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'src/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...sdl.configs.common,
  ...sdl.configs.electron,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@microsoft/sdl/no-insecure-url': [
        'error',
        { exceptions: ['^http://127\\.0\\.0\\.1', '^http://localhost', '^http://\\[::1\\]', '^http://www\\.w3\\.org/'] }
      ],
      'no-restricted-syntax': ['error', ...checklistSyntax],
      'no-restricted-properties': ['error', openExternalRule]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: electronAllowed,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only src/main/index.ts, src/main/electron/ and the preload may import electron; services get dependencies injected.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts'],
    ignores: ['src/main/electron/window.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...checklistSyntax,
        { selector: "NewExpression[callee.name='BrowserWindow']", message: 'Create windows through src/main/electron/window.ts.' }
      ]
    }
  },
  {
    files: ['src/main/electron/**', 'src/main/index.ts'],
    ignores: ['src/main/electron/ipc.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        openExternalRule,
        { object: 'ipcMain', property: 'handle', message: 'Register IPC through src/main/electron/ipc.ts (sender check + validation).' },
        { object: 'ipcMain', property: 'on', message: 'Register IPC through src/main/electron/ipc.ts (sender check + validation).' }
      ]
    }
  },
  {
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@electron-toolkit/preload', message: 'It exposes a generic ipcRenderer and process.env.' }] }
      ],
      'no-restricted-syntax': [
        'error',
        ...checklistSyntax,
        {
          selector: "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']",
          message: 'Never expose ipcRenderer.'
        },
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'The preload must not read process.env.' }
      ]
    }
  },
  {
    // Plain Node scripts.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } }
  },
  {
    // Tests talk to local http servers and assert on the very calls the rules restrict.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'test/**', 'bench/**'],
    rules: {
      '@microsoft/sdl/no-insecure-url': 'off',
      '@microsoft/sdl/no-cookies': 'off',
      'no-restricted-properties': 'off'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', rendererImports()]
    }
  },
  {
    // A feature folder is used only through its index.ts: from inside another feature, "../other/x" is a deep import.
    files: ['src/renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        rendererImports({ regex: '^\\.\\./[^./][^/]*/.+', message: 'Import another feature through its index.ts (../feature).' })
      ]
    }
  }
)

/** The renderer's import rules (plus any extra pattern): a later block replaces a rule's options, so each repeats them. */
function rendererImports(...extraPatterns) {
  return {
    paths: [{ name: 'electron', message: 'The renderer is sandboxed: it reaches main only through the contract.' }],
    patterns: [
      { group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through the contract.' },
      { regex: '(^|/)features/[^/]+/.+', message: 'Import a feature through its index.ts (features/name).' },
      ...extraPatterns
    ]
  }
}
