using Zoo.Core.Configuration;
using Zoo.Core.Processes;

namespace Zoo.Core.Cgi;

/// <summary>One request answered as a web server runs a CGI: the environment and standard input in, the answer on standard output.</summary>
public static class CgiEntry
{
    /// <param name="runners">The runtimes this program offers, by serviceType.</param>
    /// <returns>The exit status: 0, since every failure is an answer.</returns>
    public static async Task<int> AnswerAsync(Func<MainConfig, RunnerCatalog> runners, TextWriter log)
    {
        var standardOutput = Console.OpenStandardOutput();
        CgiResponse response;
        try
        {
            var kernel = new Kernel(Environment.CurrentDirectory, AppContext.BaseDirectory, log, runners);
            response = await kernel.HandleAsync(CgiRequest.FromProcessEnvironment(), Console.OpenStandardInput()).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            response = Kernel.Unexpected(e, log);
        }
        response.WriteTo(standardOutput);
        return 0;
    }
}
