//! Domain words stored as TEXT under a fixed code: `text_enum!` declares such an enum (its codes,
//! `ALL`, `code()`, `parse()`, diesel's TEXT mapping and serde by code); `text_sql!` gives the
//! diesel mapping to a type with its own `code()` and parse function. Reading a code the product
//! does not know is an error, never a default.

/// diesel's `FromSql`/`ToSql` (TEXT) for an enum with `code(self) -> &'static str` and a parse
/// function that returns `None` for an unknown code.
macro_rules! text_sql {
    ($name:ident, $parse:ident) => {
        impl<DB> diesel::deserialize::FromSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            String: diesel::deserialize::FromSql<diesel::sql_types::Text, DB>,
        {
            fn from_sql(bytes: DB::RawValue<'_>) -> diesel::deserialize::Result<Self> {
                let code = String::from_sql(bytes)?;
                $name::$parse(&code).ok_or_else(|| {
                    format!(concat!("unknown ", stringify!($name), " code {:?}"), code).into()
                })
            }
        }

        impl<DB> diesel::serialize::ToSql<diesel::sql_types::Text, DB> for $name
        where
            DB: diesel::backend::Backend,
            str: diesel::serialize::ToSql<diesel::sql_types::Text, DB>,
        {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, DB>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, DB>>::to_sql(
                    self.code(),
                    out,
                )
            }
        }
    };
}

pub(crate) use text_sql;

/// Declares a TEXT-backed enum: its codes, `ALL`, `code()`, `parse()`, and diesel's
/// `FromSql`/`ToSql` for any backend that stores text.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )+ }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order forms show them.
            pub const ALL: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The code stored in the database and used in form values and text keys.
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )+
                }
            }

            /// The value for a code; `None` for a code the product does not know.
            pub fn parse(code: &str) -> Option<$name> {
                match code {
                    $( $code => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        /// Written (in stored JSON, such as a letter's facts) as its code.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        /// Read from its code; a code the product does not know is an error, never a default.
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = String::deserialize(d)?;
                $name::parse(&code).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        concat!("unknown ", stringify!($name), " code {:?}"),
                        code
                    ))
                })
            }
        }

        $crate::text_enum::text_sql!($name, parse);
    };
}

pub(crate) use text_enum;
