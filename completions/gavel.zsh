#compdef gavel
# SPDX-License-Identifier: MIT
# zsh completion for gavel, installed as _gavel. Every candidate comes
# from `gavel complete` (see the bash completion): a first line saying
# whether file names fit too, then one candidate a line, its description
# after a tab.

_gavel() {
	local -a lines values shown
	local kind line strip cur=${(Q)words[CURRENT]}

	lines=("${(@f)$(${(Q)words[1]} complete -- "${(@Q)words[2,CURRENT-1]}" "$cur" 2>/dev/null)}")
	kind=$lines[1]
	# "--format=j": zsh completes after the '=', gavel wrote it whole.
	if [[ $cur == --*=* ]]; then
		strip=${cur%%=*}=
		compset -P '*='
	fi
	for line in "${(@)lines[2,-1]}"; do
		[[ -n $line ]] || continue
		line=${line#$strip}
		values+=("${line%%$'\t'*}")
		if [[ $line == *$'\t'* ]]; then
			shown+=("${line%%$'\t'*}  -- ${line#*$'\t'}")
		else
			shown+=("$line")
		fi
	done
	(( $#values )) && compadd -l -d shown -a values
	case $kind in
	files) _files ;;
	dirs) _files -/ ;;
	esac
}

_gavel "$@"
