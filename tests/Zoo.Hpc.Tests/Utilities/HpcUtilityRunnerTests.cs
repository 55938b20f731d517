using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Processes;
using Zoo.Hpc.Utilities;

namespace Zoo.Hpc.Tests.Utilities;

/// <summary>serviceType=C: wps_hpc.zo's helpers are built in; every other C service goes to the runner of .zo files.</summary>
[TestFixture]
public sealed class HpcUtilityRunnerTests
{
    private sealed class Recorder : IProcessRunner
    {
        public List<string> Ran { get; } = [];

        public Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
        {
            Ran.Add(run.Process.Name);
            return Task.FromResult(new RunOutcome(RunOutcome.Succeeded, run.Conf, run.Outputs, null));
        }
    }

    private static ServiceRun Run(string name, string provider) =>
        new(new ServiceEntry(name, $"/srv/zoo/{name}.zcfg", ""),
            ZcfgParser.Parse($"[{name}]\n Title = t\n Abstract = a\n serviceType = C\n serviceProvider = {provider}\n"),
            new ZooMaps(), new ZooMaps(), new ZooMaps());

    [Test]
    public async Task A_C_service_of_another_shared_object_goes_to_the_other_runner()
    {
        var others = new Recorder();

        await new HpcUtilityRunner([], others).RunAsync(Run("HelloC", "hello.zo"), CancellationToken.None);

        Assert.That(others.Ran, Is.EqualTo(new[] { "HelloC" }));
    }

    [Test]
    public async Task Without_another_runner_a_C_service_of_another_shared_object_is_refused()
    {
        var outcome = await new HpcUtilityRunner([]).RunAsync(Run("HelloC", "hello.zo"), CancellationToken.None);

        Assert.That(outcome.Failure, Does.StartWith("The C service HelloC (hello.zo) cannot run here"));
    }
}
