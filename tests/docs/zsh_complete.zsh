# Completes one command line in an interactive zsh (through zsh/zpty) with
# completions/_flowprint and prints what the terminal shows.
# usage: BIN_DIR=... COMP_DIR=... WORK_DIR=... zsh -f zsh_complete.zsh 'LINE'
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PATH=$BIN_DIR:\$PATH; fpath=($COMP_DIR \$fpath); autoload -U compinit; compinit -u -d $BIN_DIR/zcompdump; PS1='> '; cd $WORK_DIR; unsetopt beep"
zpty -n -w z "$1"$'\t'
sleep 2
out=""
while zpty -r -t z chunk; do out+=$chunk; done
zpty -d z
print -r -- "$out"
