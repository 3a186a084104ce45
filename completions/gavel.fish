# SPDX-License-Identifier: MIT
# fish completion for gavel. Every candidate comes from `gavel complete`
# (see the bash completion), already in fish's form: the candidate, a
# tab, its description; its first line says whether file names fit too.

function __gavel_complete
    set -l words (commandline -opc)
    set -l cur (commandline -ct)
    set -l lines ($words[1] complete -- $words[2..-1] $cur 2>/dev/null)
    or return
    printf '%s\n' $lines[2..-1]
    switch "$lines[1]"
        case files
            __fish_complete_path $cur
        case dirs
            __fish_complete_directories $cur
    end
end

complete -c gavel -f -a '(__gavel_complete)'
