using Zoo.Core.Processes.Otb;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Tests.Slurm;

/// <summary>
/// Every word a request puts on the otbcli command line stays a value for the application: OTB's launcher reads a
/// word such as <c>-inxml</c> as an option even when it is single-quoted (research/otbcli-values.md).
/// </summary>
public class OtbArgumentTests
{
    private const string Usid = "3f0c5d2e-1b2a-4c3d-9e8f-0a1b2c3d4e5f";
    private const string Output = "/home/zoo/data/output_BandMath_out.tif";

    private static readonly HpcService BandMath = new("BandMath", ["otbcli_BandMath"], null, "HPC");

    private static JobScriptRequest Request(IReadOnlyList<OtbInput> inputs, string? pixelType = "float") =>
        new(BandMath, Usid, inputs, [new OtbOutput("out", Output, pixelType)], [], JobScriptParts.None);

    private static IReadOnlyList<string> CommandLineWithExpression(string expression) =>
        JobScript.CommandArguments(Request([new OtbInput("exp", [expression])]));

    [TestCase("-5")]
    [TestCase("-5.5")]
    [TestCase("-.5")]
    [TestCase("-1e3")]
    [TestCase("-1E-3")]
    [TestCase("-5.")]
    [TestCase("-1.5e+2")]
    [TestCase("-007")]
    public void A_negative_number_reaches_the_application_as_the_value(string number)
    {
        Assert.That(CommandLineWithExpression(number),
            Is.EqualTo(new[] { "otbcli_BandMath", "-exp", number, "-out", Output, "float" }));
    }

    [TestCase("-in")]
    [TestCase("-inxml")]
    [TestCase("-outxml")]
    [TestCase("-testenv")]
    [TestCase("-progress")]
    [TestCase("-help")]
    [TestCase("-version")]
    [TestCase("--5")]
    [TestCase("-inf")]
    [TestCase("-nan")]
    [TestCase("-0x10")]
    [TestCase("-1e")]
    [TestCase("-1e+")]
    [TestCase("-1.2.3")]
    [TestCase("-.")]
    [TestCase("-")]
    [TestCase("-x.tif")]
    [TestCase("-1*im1b1")]
    [TestCase("-５")]
    public void A_value_starting_with_a_dash_that_is_not_a_number_is_refused(string value)
    {
        Assert.Throws<OtbValueException>(() => CommandLineWithExpression(value));
    }

    [Test]
    public void The_refusal_of_an_option_like_value_names_the_input_and_says_how_to_write_it()
    {
        var refusal = Assert.Throws<OtbValueException>(() => CommandLineWithExpression("-inxml"));

        Assert.That(refusal.Message, Is.EqualTo(
            "The value \"-inxml\" of the exp input starts with '-' and would be read by the application as an option; "
            + "give a number, a path such as ./-name, or wrap an expression in parentheses, e.g. (-im1b1)."));
    }

    [Test]
    public void The_refused_input_is_the_locator_of_the_refusal()
    {
        var refusal = Assert.Throws<OtbValueException>(() => CommandLineWithExpression("-inxml"));

        Assert.That(refusal.InputName, Is.EqualTo("exp"));
    }

    [Test]
    public void A_long_refused_value_is_cut_short_in_the_message()
    {
        var refusal = Assert.Throws<OtbValueException>(() => CommandLineWithExpression("-" + new string('a', 500)));

        Assert.That(refusal.Message, Does.StartWith(
            "The value \"-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\" of the exp input starts with '-'"));
    }

    [Test]
    [MaxTime(2000)]
    public void A_megabyte_long_value_that_is_almost_a_number_is_refused_at_once()
    {
        var almostANumber = "-" + new string('1', 1_000_000) + "." + new string('1', 1_000_000) + "e";

        Assert.Throws<OtbValueException>(() => CommandLineWithExpression(almostANumber));
    }

    [TestCase("(-im1b1)")]
    [TestCase("(-1*im1b1)")]
    [TestCase("0-im1b1")]
    [TestCase("./-name.tif")]
    public void A_value_written_so_that_it_does_not_start_with_a_dash_is_kept(string value)
    {
        Assert.That(CommandLineWithExpression(value),
            Is.EqualTo(new[] { "otbcli_BandMath", "-exp", value, "-out", Output, "float" }));
    }

    [TestCase(" im1b1")]
    [TestCase("\tim1b1")]
    [TestCase("\t-help")]
    [TestCase("im1b1 ")]
    [TestCase("im1b1\t")]
    [TestCase("im1b1\n")]
    [TestCase("im1b1\r\n")]
    [TestCase("-5 ")]
    public void A_value_the_application_would_trim_is_refused(string value)
    {
        Assert.Throws<OtbValueException>(() => CommandLineWithExpression(value));
    }

    [Test]
    public void The_refusal_of_a_value_with_white_space_around_it_shows_the_white_space()
    {
        var refusal = Assert.Throws<OtbValueException>(() => CommandLineWithExpression("\tim1b1"));

        Assert.That(refusal.Message, Is.EqualTo(
            "The value \"\\tim1b1\" of the exp input starts or ends with white space, which the application would silently "
            + "remove; send the value without it."));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void An_empty_value_is_refused(string value)
    {
        var refusal = Assert.Throws<OtbValueException>(() => CommandLineWithExpression(value));

        Assert.That(refusal.Message, Is.EqualTo(
            "The exp input has an empty value, or one of only white space, which the application would silently drop."));
    }

    [Test]
    public void An_option_among_the_values_of_a_list_input_is_refused()
    {
        var inputs = new[] { new OtbInput("il", ["/home/zoo/data/a.tif", "-outxml", "/tmp/zoo-otb.xml"]) };

        var refusal = Assert.Throws<OtbValueException>(() => JobScript.CommandArguments(Request(inputs)));

        Assert.That(refusal.InputName, Is.EqualTo("il"));
    }

    [Test]
    public void Every_value_of_a_list_input_is_kept_in_order()
    {
        var inputs = new[] { new OtbInput("il", ["/home/zoo/data/a.tif", "/home/zoo/data/b.tif"]) };

        Assert.That(JobScript.CommandArguments(Request(inputs)), Is.EqualTo(new[]
        {
            "otbcli_BandMath", "-il", "/home/zoo/data/a.tif", "/home/zoo/data/b.tif", "-out", Output, "float",
        }));
    }

    [Test]
    public void A_pixel_type_of_the_application_follows_the_output_path()
    {
        var words = JobScript.CommandArguments(Request([new OtbInput("exp", ["im1b1"])], pixelType: "uint16"));

        Assert.That(words, Is.EqualTo(new[] { "otbcli_BandMath", "-exp", "im1b1", "-out", Output, "uint16" }));
    }

    [TestCase("-outxml")]
    [TestCase("FLOAT;rm")]
    [TestCase("Float")]
    [TestCase("float ")]
    [TestCase("")]
    [TestCase("float64")]
    public void A_pixel_type_the_application_does_not_know_is_refused(string pixelType)
    {
        Assert.Throws<OtbValueException>(() => JobScript.CommandArguments(Request([new OtbInput("exp", ["im1b1"])], pixelType)));
    }

    [Test]
    public void The_refusal_of_a_pixel_type_names_its_input_and_lists_the_pixel_types()
    {
        var refusal = Assert.Throws<OtbValueException>(() =>
            JobScript.CommandArguments(Request([new OtbInput("exp", ["im1b1"])], "FLOAT;rm")));

        Assert.That((refusal.InputName, refusal.Message), Is.EqualTo(("out",
            "The value \"FLOAT;rm\" of the out input is not a pixel type of the application: give one of "
            + "uint8, int16, uint16, int32, uint32, float, double, cint16, cint32, cfloat, cdouble.")));
    }

    [TestCase("inxml")]
    [TestCase("outxml")]
    [TestCase("testenv")]
    [TestCase("help")]
    [TestCase("version")]
    [TestCase("progress")]
    [TestCase("InXml")]
    public void An_input_named_like_a_global_option_is_an_operator_error(string name)
    {
        Assert.Throws<ArgumentException>(() => JobScript.CommandArguments(Request([new OtbInput(name, ["/tmp/params.xml"])])));
    }

    [Test]
    public void An_output_named_like_a_global_option_is_an_operator_error()
    {
        var request = Request([]) with { Outputs = [new OtbOutput("outxml", "/home/zoo/data/params.xml")] };

        Assert.Throws<ArgumentException>(() => JobScript.CommandArguments(request));
    }

    [Test]
    public void A_value_with_spaces_and_quotes_is_one_quoted_word_of_the_command()
    {
        var command = ShellQuote.Join(CommandLineWithExpression("im1b1 > 0 ? \"it's\" : -1"));

        Assert.That(command, Is.EqualTo(
            $"'otbcli_BandMath' '-exp' 'im1b1 > 0 ? \"it'\\''s\" : -1' '-out' '{Output}' 'float'"));
    }
}
