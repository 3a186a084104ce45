# SPDX-License-Identifier: MIT
# bash completion for gavel: commands, options and their values, and the
# names the database holds (body codes, organisations, ballot numbers,
# meetings, issues, people). Every candidate comes from `gavel complete`,
# which the zsh and fish completions ask too, so the three agree with
# each other and with the gavel they complete.

_gavel()
{
	local IFS=$'\n' cmd=${COMP_WORDS[0]} cur strip kind line i w
	local -a words=() lines=()

	# COMP_WORDS splits "--format=json" at '=' (and "a:b" at ':'): join
	# them again as gavel reads them, and take quotes off.
	for ((i = 1; i <= COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if ((${#words[@]})) && [[ $w == [=:] || ${COMP_WORDS[i - 1]} == [=:] ]]; then
			words[${#words[@]} - 1]+=$w
			continue
		fi
		case $w in
		\'*) w=${w#\'} w=${w%\'} ;;
		\"*) w=${w#\"} w=${w%\"} ;;
		*) w=${w//\\/} ;;
		esac
		words+=("$w")
	done
	[[ $cmd == "~/"* ]] && cmd=$HOME/${cmd#"~/"}
	lines=($("$cmd" complete -- "${words[@]}" 2>/dev/null)) || return
	kind=${lines[0]}
	cur=${words[${#words[@]} - 1]}
	# What bash replaces is the part after the last '=' or ':'.
	strip=${cur%"${cur##*[=:]}"}
	COMPREPLY=()
	for line in "${lines[@]:1}"; do
		line=${line%%$'\t'*}
		COMPREPLY+=("${line#"$strip"}")
	done
	case $kind in
	files) COMPREPLY+=($(compgen -f -- "${cur#"$strip"}")) ;;
	dirs) COMPREPLY+=($(compgen -d -- "${cur#"$strip"}")) ;;
	esac
	# Quote what needs it ("Logius PKIoverheid") as bash quotes file names.
	compopt -o filenames 2>/dev/null
	return 0
}
complete -F _gavel gavel
