using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Checking;
using Zoo.Core.Jobs;
using Zoo.Core.Processes;
using Zoo.Core.Processes.Native;
using Zoo.Core.Processes.Otb;
using Zoo.Core.Processes.Otb.ZcfgGeneration;
using Zoo.Core.Processes.Python;
using Zoo.Hpc;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings.Checking;
using Zoo.Hpc.Utilities;

// zoo_loader.cgi: one process per request, as a web server runs a CGI; or, started by itself with
// --worker, the detached runner of one asynchronous job; with --run-c, the child process that calls one C service;
// or, run by an operator with --otb2zcfg, the generator of the zcfg files of OTB's applications; with --check-config,
// the checker of an install, with the checks of every runtime registered below.
var log = Console.Error;
if (args is [DetachedLauncher.WorkerFlag, var configFile, var jobId])
    return await new Worker(Runners).RunAsync(configFile, jobId, Console.OpenStandardInput());
if (args is [NativeServiceHost.Flag])
    return await NativeServiceHost.RunAsync(Console.OpenStandardInput());
if (args is [Otb2ZcfgCommand.Flag, .. var otbArguments])
    return await Otb2ZcfgCommand.RunAsync(otbArguments, log);
if (args is [ConfigCheckCommand.Flag, .. var checkArguments])
    return await ConfigCheckCommand.RunAsync(checkArguments, Runners, [new HpcConfigCheck(new ClusterConnectionFactory())], Console.OpenStandardOutput(), log);

return await CgiEntry.AnswerAsync(Runners, log);

// The runtimes this kernel offers, by serviceType.
RunnerCatalog Runners(MainConfig config) => new(new Dictionary<string, IProcessRunner>(StringComparer.OrdinalIgnoreCase)
{
    // Console.Error at call time: a worker points it at its job's error log.
    ["Python"] = new PythonRunner(PythonSettings.From(config), Console.Error),
    // serviceType=HPC: submitted to the Slurm cluster of main.cfg's HPC sections, over SSH.
    ["HPC"] = new HpcRunner(config, Console.Error),
    // ZOO's HPC helper services (serviceType=C, wps_hpc.zo), built in; any other .zo in a child process.
    ["C"] = HpcUtilities.Runner(config, Console.Error, new NativeServiceRunner(NativeSettings.From(config), Console.Error)),
    // serviceType=OTB: the application run here, with the command line the HPC job script gets.
    ["OTB"] = new OtbRunner(OtbSettings.From(config), Console.Error),
});
