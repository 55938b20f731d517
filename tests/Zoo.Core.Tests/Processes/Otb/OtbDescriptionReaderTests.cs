using Zoo.Core.Processes.Otb.ZcfgGeneration;

namespace Zoo.Core.Tests.Processes.Otb;

public class OtbDescriptionReaderTests
{
    [Test]
    public void Escaped_tabs_line_breaks_and_backslashes_are_read_back()
    {
        var application = OtbDescriptionReader.Read("app\tA\tone\\ttwo\tline\\nnext \\\\ end\nend\tA\n").Single();
        Assert.Multiple(() =>
        {
            Assert.That(application.Description, Is.EqualTo("one\ttwo"));
            Assert.That(application.LongDescription, Is.EqualTo("line\nnext \\ end"));
        });
    }

    [Test]
    public void A_parameter_without_a_value_has_a_null_value()
    {
        var parameter = OtbDescriptionReader.Read("app\tA\t\t\nparam\tx\tFloat\tinput\t1\t0\t\tX\tthe x\nend\tA\n").Single().Parameters.Single();
        Assert.Multiple(() =>
        {
            Assert.That(parameter.Value, Is.Null);
            Assert.That(parameter.IsMandatory, Is.True);
            Assert.That(parameter.IsOutputRole, Is.False);
        });
    }

    [Test]
    public void Choices_are_kept_in_OTB_order()
    {
        var parameter = OtbZcfgFiles.Description("Smoothing").Parameters.Single(p => p.Key == "type");
        Assert.That(parameter.Choices.Select(c => c.Key), Is.EqualTo(new[] { "mean", "gaussian", "anidif" }));
    }

    [Test]
    public void A_description_cut_short_is_an_error()
    {
        var error = Assert.Throws<OtbGenerationException>(() => OtbDescriptionReader.Read("app\tA\tt\tl\nparam\tx\tInt\tinput\t0\t0\t\tX\tx\n"));
        Assert.That(error!.Message, Does.Contain("A"));
    }

    [Test]
    public void A_record_about_another_parameter_than_the_last_is_an_error()
    {
        Assert.Throws<OtbGenerationException>(() =>
            OtbDescriptionReader.Read("app\tA\tt\tl\nparam\tx\tInt\tinput\t0\t0\t\tX\tx\npixel\ty\tfloat\nend\tA\n"));
    }
}
