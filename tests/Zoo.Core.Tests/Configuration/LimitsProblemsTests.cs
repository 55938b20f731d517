using Zoo.Core.Configuration;
using Zoo.Core.Tests.TestSupport;

namespace Zoo.Core.Tests.Configuration;

public class LimitsProblemsTests
{
    [Test]
    public void Every_bad_limit_is_collected_with_its_section_and_key()
    {
        var problems = new List<ConfigProblem>();

        Limits.From(TestRequests.Config("[main]\nmaxInputs=0\nfetchTimeout=soon\n[otb]\ntimeout=-3\n"), problems);

        Assert.That(problems, Is.EqualTo(new[]
        {
            new ConfigProblem("[main] maxInputs must be a whole number from 1, found \"0\"", "main", "maxInputs"),
            new ConfigProblem("[main] fetchTimeout must be a positive number, found \"soon\"", "main", "fetchTimeout"),
            new ConfigProblem("[otb] timeout must be a whole number from 1, found \"-3\"", "otb", "timeout"),
        }));
    }

    [Test]
    public void A_collected_bad_limit_takes_its_default()
    {
        var limits = Limits.From(TestRequests.Config("[main]\nmaxInputs=0\nmaxOutputs=7\n"), new List<ConfigProblem>());

        Assert.That((limits.MaxInputs, limits.MaxOutputs), Is.EqualTo((Limits.Defaults.MaxInputs, 7)));
    }

    [Test]
    public void The_detail_of_a_problem_leaves_its_place_out()
    {
        var problem = new ConfigProblem("[main] maxInputs must be a whole number from 1, found \"0\"", "main", "maxInputs");

        Assert.That(problem.Detail, Is.EqualTo("must be a whole number from 1, found \"0\""));
    }
}
