
# ZooKernel.NET sample jobscript_footer (main.cfg [hpc-config-*]): the last
# lines of every job script, before it exits with the application's status.
# Each %s is replaced by the job's ZOO id (%% gives a literal %).
# It tells the WPS server that the job has ended, so the waiting job goes on
# at once: FinalizeHPC asks sacct, and the job's worker follows the job until
# Slurm records its end. The cluster's nodes must reach the WPS server (here
# the bundled serve.sh on 127.0.0.1:8080); when they cannot, remove
# jobscript_footer from main.cfg and use the mail path instead (README).
curl --silent --show-error --max-time 30 --output /dev/null \
  "http://127.0.0.1:8080/cgi-bin/FinalizeHPC.cgi?service=WPS&version=1.0.0&request=Execute&Identifier=FinalizeHPC1&DataInputs=JobId=%s" \
  || echo "FinalizeHPC could not be reached: the WPS server will find the end with sacct"
