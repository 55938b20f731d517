using FinalizeHpc.Cgi.Mail;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;
using Zoo.Core.Processes;
using Zoo.Hpc.Utilities;

// FinalizeHPC.cgi: told that a Slurm job ended, it finalizes the waiting WPS job. Three ways in:
//   as a CGI, a WPS Execute of FinalizeHPC or FinalizeHPC1 with JobId=<ZOO job id>, as ZOO's services are called;
//   --mail [main.cfg]: one Slurm mail on stdin (an MTA alias pipe, or Slurm's MailProg);
//   --maildir DIR [main.cfg]: every new mail of a maildir (from cron or a loop).
var log = Console.Error;
switch (args)
{
    case ["--mail", .. var rest] when rest.Length <= 1:
        return await MailMode.RunAsync(Config(rest), Console.OpenStandardInput(), log);
    case ["--maildir", var directory, .. var rest] when rest.Length <= 1:
        return await MaildirMode.RunAsync(Config(rest), directory, log);
    case [_, ..]:
        log.WriteLine("usage: FinalizeHPC.cgi (as a CGI) | --mail [main.cfg] < message | --maildir DIR [main.cfg]");
        return 64;
}

return await CgiEntry.AnswerAsync(Runners, log);

// Only ZOO's HPC helper services (serviceType=C, serviceProvider=wps_hpc.zo) run here.
RunnerCatalog Runners(MainConfig config) => new(new Dictionary<string, IProcessRunner>(StringComparer.OrdinalIgnoreCase)
{
    ["C"] = HpcUtilities.Runner(config, Console.Error),
});

// main.cfg as the CGI finds it (working directory, then beside the executable), unless named.
static MainConfig? Config(string[] rest)
{
    var path = rest is [var named] ? named : MainConfigLocator.Find(Environment.CurrentDirectory, AppContext.BaseDirectory, null);
    if (path is null || !File.Exists(path))
    {
        Console.Error.WriteLine($"FinalizeHPC: no {MainConfig.FileName} found{(path is null ? "" : $" at {path}")}");
        return null;
    }
    try
    {
        return MainConfig.Load(path);
    }
    catch (Exception e) when (e is ConfigurationException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"FinalizeHPC: {e.Message}");
        return null;
    }
}
