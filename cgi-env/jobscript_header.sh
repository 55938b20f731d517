#!/bin/bash
# ZooKernel.NET sample jobscript_header (main.cfg [hpc-config-*]).
# The kernel writes this file at the top of every job script, then one
# "#SBATCH --<option>=<value>" line per sbatch_options_* key and the job name.
# sbatch stops reading #SBATCH lines at the first command, so keep this file
# to the interpreter line, comments and #SBATCH lines: put commands in the
# body. Options that do not change between configurations can go here, e.g.
#   #SBATCH --mail-user=zoo@wps.example.org
