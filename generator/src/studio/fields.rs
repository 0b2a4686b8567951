//! The field names of a content struct, read from its own `Deserialize` implementation.
//!
//! `serde_derive` hands every struct's complete field list to
//! [`Deserializer::deserialize_struct`]; [`field_names`] runs the struct's real deserializer
//! against a probe that records that list and stops. The list therefore cannot drift from what
//! the loader (and so `generator check`) accepts: it is the loader's own list, and the studio's
//! configuration is tested against it.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The name of a struct and the names of its fields, as its `Deserialize` implementation
/// declares them (after `rename`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The Rust struct's name.
    pub name: &'static str,
    /// Every field it accepts, in declaration order.
    pub fields: &'static [&'static str],
}

/// The shape of `T`, or `None` when `T` does not deserialize as a struct.
pub fn shape<T>() -> Option<Shape>
where
    T: for<'de> Deserialize<'de>,
{
    let mut seen = None;
    // The probe always ends deserialization with an error once it has seen the struct.
    let _ = T::deserialize(Probe { seen: &mut seen });
    seen
}

/// The field names of `T`; empty when `T` is not a struct.
pub fn field_names<T>() -> &'static [&'static str]
where
    T: for<'de> Deserialize<'de>,
{
    shape::<T>().map_or(&[], |s| s.fields)
}

/// A deserializer that records the struct it is asked for and then refuses everything.
struct Probe<'a> {
    seen: &'a mut Option<Shape>,
}

/// The probe's (expected) error.
#[derive(Debug)]
struct Stop(String);

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Stop(msg.to_string())
    }
}

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        Err(Stop("not a struct".into()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.seen = Some(Shape { name, fields });
        Err(Stop("probed".into()))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::{IssueFront, Translation};

    #[test]
    fn reads_the_loaders_own_field_list() {
        assert_eq!(
            field_names::<IssueFront>(),
            [
                "title",
                "topic",
                "status",
                "validated_on",
                "agencies",
                "summary",
                "sources"
            ]
        );
        assert_eq!(field_names::<Translation>(), ["title", "summary"]);
        assert_eq!(field_names::<String>(), [] as [&str; 0]);
    }
}
