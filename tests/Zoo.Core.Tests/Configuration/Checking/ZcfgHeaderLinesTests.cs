using Zoo.Core.Configuration.Checking;

namespace Zoo.Core.Tests.Configuration.Checking;

public class ZcfgHeaderLinesTests
{
    private const string Zcfg = """
        # generated
        [BandMath]
         Title = Band math
         <MetaData>
           serviceType = not the header's
         </MetaData>
         serviceType = HPC
         serviceProvider = otbcli_BandMath
         confId = HPC_big
         <DataInputs>
          [il]
           serviceType = an input's key
         </DataInputs>
        """;

    [Test]
    public void The_name_line_is_the_first_that_carries_something()
    {
        Assert.That(ZcfgHeaderLines.Of(Zcfg).NameLine, Is.EqualTo(2));
    }

    [Test]
    public void Header_keys_are_found_at_their_lines_whatever_the_case()
    {
        var lines = ZcfgHeaderLines.Of(Zcfg);

        Assert.That((lines.LineOf("servicetype"), lines.LineOf("serviceProvider"), lines.LineOf("confId")), Is.EqualTo((7, 8, 9)));
    }

    [Test]
    public void A_key_of_no_header_line_is_at_line_0()
    {
        Assert.That(ZcfgHeaderLines.Of(Zcfg).LineOf("hpcModules"), Is.Zero);
    }

    [Test]
    public void A_repeated_key_is_at_its_last_line_whose_value_wins()
    {
        Assert.That(ZcfgHeaderLines.Of("[S]\n serviceType = C\n serviceType = Python\n").LineOf("serviceType"), Is.EqualTo(3));
    }
}
