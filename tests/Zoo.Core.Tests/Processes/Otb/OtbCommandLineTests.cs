using Zoo.Core.Processes.Otb;

namespace Zoo.Core.Tests.Processes.Otb;

public class OtbCommandLineTests
{
    [Test]
    public void Inputs_come_in_order_then_each_output_with_its_pixel_type()
    {
        var words = OtbCommandLine.Words(["BandMath"],
            [new OtbInput("il", ["/t/a.tif", "/t/b.tif"]), new OtbInput("exp", ["im1b1 + im2b1"])],
            [new OtbOutput("out", "/t/out.tiff", "uint8")]);

        Assert.That(words, Is.EqualTo(new[] { "BandMath", "-il", "/t/a.tif", "/t/b.tif", "-exp", "im1b1 + im2b1", "-out", "/t/out.tiff", "uint8" }));
    }

    [Test]
    public void A_value_with_spaces_and_quotes_stays_one_word()
    {
        var words = OtbCommandLine.Words(["BandMath"], [new OtbInput("exp", ["im1b1 > 2 ? \"a'b\" : 1"])], []);

        Assert.That(words, Is.EqualTo(new[] { "BandMath", "-exp", "im1b1 > 2 ? \"a'b\" : 1" }));
    }

    [Test]
    public void A_value_starting_with_a_dash_is_refused_naming_its_input()
    {
        var refusal = Assert.Throws<OtbValueException>(() =>
            OtbCommandLine.Words(["BandMath"], [new OtbInput("exp", ["-inxml"])], []));

        Assert.That(refusal!.InputName, Is.EqualTo("exp"));
    }

    [Test]
    public void An_output_without_a_pixel_type_is_its_path_alone()
    {
        var words = OtbCommandLine.Words(["ConcatenateVectorData"], [], [new OtbOutput("out", "/t/out.gml")]);

        Assert.That(words, Is.EqualTo(new[] { "ConcatenateVectorData", "-out", "/t/out.gml" }));
    }
}
