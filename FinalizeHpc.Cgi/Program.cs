using Zoo.Core.Cgi;

// FinalizeHPC.cgi: told that a Slurm job ended, it finalizes the waiting WPS job.
// Its modes (CGI Execute of FinalizeHPC, --mail, --maildir) arrive with the completion work;
// until then it answers every call with a clear refusal instead of pretending to finalize.
var response = ErrorResponses.Plain("501 Not Implemented",
    "FinalizeHPC is not available in this build: HPC completion is not implemented yet.");
response.WriteTo(Console.OpenStandardOutput());
return 1;
