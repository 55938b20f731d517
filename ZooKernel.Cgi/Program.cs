using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Jobs;
using Zoo.Core.Processes;
using Zoo.Core.Processes.Python;
using Zoo.Hpc;
using Zoo.Hpc.Utilities;

// zoo_loader.cgi: one process per request, as a web server runs a CGI; or, started by itself with
// --worker, the detached runner of one asynchronous job.
var log = Console.Error;
if (args is [DetachedLauncher.WorkerFlag, var configFile, var jobId])
    return await new Worker(Runners).RunAsync(configFile, jobId, Console.OpenStandardInput());

return await CgiEntry.AnswerAsync(Runners, log);

// The runtimes this kernel offers, by serviceType.
RunnerCatalog Runners(MainConfig config) => new(new Dictionary<string, IProcessRunner>(StringComparer.OrdinalIgnoreCase)
{
    // Console.Error at call time: a worker points it at its job's error log.
    ["Python"] = new PythonRunner(PythonSettings.From(config), Console.Error),
    // serviceType=HPC: submitted to the Slurm cluster of main.cfg's HPC sections, over SSH.
    ["HPC"] = new HpcRunner(config, Console.Error),
    // ZOO's HPC helper services (serviceType=C, wps_hpc.zo), built in.
    ["C"] = HpcUtilities.Runner(config, Console.Error),
    ["OTB"] = new Zoo.Core.Processes.Otb.OtbRunner(Zoo.Core.Processes.Otb.OtbSettings.From(config), Console.Error), // run here, HPC's command line
});
