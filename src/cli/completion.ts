// Shell completion scripts, generated from the command table so they stay in step with it.
import { COMMANDS } from './help'

const longOptions = (name: string) =>
  [...Object.keys(COMMANDS[name]!.options).map((o) => `--${o}`), '--user-data', '--help', '--json'].join(' ')

export function completionScript(shell: string): string | null {
  const names = Object.keys(COMMANDS)
  if (shell === 'bash') {
    const cases = names.map((n) => `    ${n}) opts="${longOptions(n)}" ;;`).join('\n')
    return `# tokendesk completion for bash: source <(tokendesk completion bash)
_tokendesk() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmd="\${COMP_WORDS[1]}" opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${names.join(' ')} --help --user-data" -- "$cur")); return
  fi
  case "$cmd" in
${cases}
  esac
  case "\${COMP_WORDS[COMP_CWORD-1]}" in
    --input|--user-data) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --shell) COMPREPLY=($(compgen -W "sh powershell cmd" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "sh powershell cmd python node tokendesk" -- "$cur")); return ;;
    --auth) COMPREPLY=($(compgen -W "bearer basic none" -- "$cur")); return ;;
    -X|--method) COMPREPLY=($(compgen -W "GET POST PUT PATCH DELETE HEAD OPTIONS" -- "$cur")); return ;;
  esac
  if [ "$cmd" = completion ]; then COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return; fi
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -o default -F _tokendesk tokendesk
`
  }
  if (shell === 'zsh') {
    const cases = names.map((n) => `    ${n}) compadd -- ${longOptions(n)} ;;`).join('\n')
    return `#compdef tokendesk
# tokendesk completion for zsh: source <(tokendesk completion zsh)
_tokendesk() {
  if (( CURRENT == 2 )); then
    compadd -- ${names.join(' ')}
    return
  fi
  case "$words[CURRENT-1]" in
    --input|--user-data) _files; return ;;
    --shell) compadd -- sh powershell cmd; return ;;
    --lang) compadd -- sh powershell cmd python node tokendesk; return ;;
    --auth) compadd -- bearer basic none; return ;;
    -X|--method) compadd -- GET POST PUT PATCH DELETE HEAD OPTIONS; return ;;
  esac
  case "$words[2]" in
    completion) compadd -- bash zsh fish ;;
${cases}
  esac
}
if (( $+functions[compdef] )); then compdef _tokendesk tokendesk; fi
`
  }
  if (shell === 'fish') {
    const lines = [
      '# tokendesk completion for fish: tokendesk completion fish | source',
      'complete -c tokendesk -f',
      ...names.map((n) => `complete -c tokendesk -n __fish_use_subcommand -a ${n} -d ${JSON.stringify(COMMANDS[n]!.summary)}`),
      ...names.flatMap((n) =>
        Object.keys(COMMANDS[n]!.options).map((o) => `complete -c tokendesk -n '__fish_seen_subcommand_from ${n}' -l ${o}`)
      ),
      'complete -c tokendesk -l user-data -r -F',
      'complete -c tokendesk -l help',
      "complete -c tokendesk -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'"
    ]
    return lines.join('\n') + '\n'
  }
  return null
}
