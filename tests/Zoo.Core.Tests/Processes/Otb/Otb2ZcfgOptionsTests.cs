using Zoo.Core.Processes.Otb.ZcfgGeneration;

namespace Zoo.Core.Tests.Processes.Otb;

public class Otb2ZcfgOptionsTests
{
    [Test]
    public void Without_options_every_application_goes_to_the_current_directory()
    {
        var options = Otb2ZcfgOptions.Parse([], out _)!;
        Assert.Multiple(() =>
        {
            Assert.That(options.OutputDirectory, Is.EqualTo("."));
            Assert.That(options.HpcConfId, Is.Null);
            Assert.That(options.Applications, Is.Empty);
        });
    }

    [Test]
    public void Options_and_application_names_mix_in_any_order()
    {
        var options = Otb2ZcfgOptions.Parse(["BandMath", "--hpc", "fullres", "--out", "/tmp/z", "Smoothing"], out _)!;
        Assert.Multiple(() =>
        {
            Assert.That(options.OutputDirectory, Is.EqualTo("/tmp/z"));
            Assert.That(options.HpcConfId, Is.EqualTo("fullres"));
            Assert.That(options.Applications, Is.EqualTo(new[] { "BandMath", "Smoothing" }));
        });
    }

    [TestCase("--hpc")]
    [TestCase("--out")]
    public void An_option_without_its_value_is_refused(string option)
    {
        Assert.That(Otb2ZcfgOptions.Parse([option], out var error), Is.Null);
        Assert.That(error, Is.EqualTo($"{option} needs a value"));
    }

    [Test]
    public void An_unknown_option_is_refused()
    {
        Assert.That(Otb2ZcfgOptions.Parse(["--all"], out var error), Is.Null);
        Assert.That(error, Is.EqualTo("unknown option --all"));
    }

    [Test]
    public void A_confId_with_a_line_break_is_refused()
    {
        Assert.That(Otb2ZcfgOptions.Parse(["--hpc", "a\nserviceType = C"], out _), Is.Null);
    }

    [TestCase("../BandMath")]
    [TestCase(".hidden")]
    public void An_application_name_that_would_leave_the_directory_is_refused(string name)
    {
        Assert.That(Otb2ZcfgOptions.Parse([name], out _), Is.Null);
    }
}
