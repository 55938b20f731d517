using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Tests.Settings;

public class KeyFileCredentialsTests
{
    [Test]
    public void A_public_key_path_names_the_private_key_beside_it()
    {
        var key = KeyFileCredentials.FromSshKey("/var/www/.ssh/id_ed25519.pub");

        Assert.That(key, Is.EqualTo(new KeyFileCredentials("/var/www/.ssh/id_ed25519", "/var/www/.ssh/id_ed25519.pub")));
    }

    [Test]
    public void A_private_key_path_is_taken_as_is()
    {
        var key = KeyFileCredentials.FromSshKey("/var/www/.ssh/id_ed25519");

        Assert.That(key, Is.EqualTo(new KeyFileCredentials("/var/www/.ssh/id_ed25519", null)));
    }
}
