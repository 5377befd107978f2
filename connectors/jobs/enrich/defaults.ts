// General job titles that ads use every day but the taxonomy only has in narrower forms
// ("Sjuksköterska, grundutbildad", "Sjuksköterska, psykiatrisk vård", …). When an ad writes the
// general word and nothing in it points at one of the narrower concepts, the concept below is
// meant. Kept short on purpose: each entry is a judgement, checked against the taxonomy by a test.

export const GENERAL_TITLES: Readonly<Record<string, string>> = {
  sjuksköterska: 'bXNH_MNX_dUR', // Sjuksköterska, grundutbildad
  undersköterska: 'Y3QA_5pk_uXd', // Undersköterska, hemtjänst och äldreboende
  kock: 'JbJw_as4_S93', // Kock, à la carte
  utvecklare: 'fg7B_yov_smw', // Systemutvecklare/Programmerare
  elektriker: '84Uc_bhA_s47', // Installationselektriker
  svetsare: 'wf1E_nWA_EJp', // Svetsare, manuell
  receptionist: 'un7f_yy8_JJx', // Receptionist, telefonist
  butikssäljare: 'pBhS_6fg_727', // Butikssäljare/Medarbetare, dagligvaror
};
