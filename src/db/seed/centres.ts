// One demo employment centre per district, so that every referral has an address and a phone.
import type { Prisma } from "../../generated/prisma/client.js";
import type { Random } from "./random.js";

type Tx = Prisma.TransactionClient;

export async function seedCentres(tx: Tx, random: Random): Promise<void> {
  const districts = await tx.district.findMany({ orderBy: { kato: "asc" } });
  for (const district of districts) {
    const house = random.int(1, 120);
    await tx.employmentCentre.create({
      data: {
        nameKk: `Халықты жұмыспен қамту орталығы (${district.nameKk})`,
        nameRu: `Центр занятости населения (${district.nameRu})`,
        addressKk: `${district.nameKk}, Абай көшесі, ${house}`,
        addressRu: `${district.nameRu}, ул. Абая, ${house}`,
        phone: `+7 7${random.int(10, 29)} ${random.int(100, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`,
        districts: { create: [{ districtId: district.id }] },
      },
    });
  }
}
