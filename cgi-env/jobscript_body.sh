# ZooKernel.NET sample jobscript_body (main.cfg [hpc-config-*]).
# Runs after the #SBATCH lines, before the OTB application: set up the
# environment the application needs. On a cluster with environment modules
# this is where they are loaded (e.g. "module load otb"); the local test
# cluster has otb-bin installed system-wide, so nothing is loaded here.

# Memory (MB) an OTB application may use for its streaming buffers.
export OTB_MAX_RAM_HINT=512
# As many OTB/ITK threads as CPUs Slurm gave the task (sbatch_options_cpus-per-task).
export ITK_GLOBAL_DEFAULT_NUMBER_OF_THREADS="${SLURM_CPUS_PER_TASK:-1}"
export OTB_LOGGER_LEVEL=INFO
